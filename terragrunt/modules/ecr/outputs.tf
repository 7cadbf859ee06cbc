output "repository_url" {
  description = "Image name for kubernetes/overlays/<env> (images: newName)"
  value       = module.ecr.repository_url
}

output "github_release_role_arn" {
  description = "Role for the release workflow (repository variable AWS_RELEASE_ROLE_ARN); empty outside dev"
  value       = var.github_repository == "" ? "" : aws_iam_role.github_release[0].arn
}
