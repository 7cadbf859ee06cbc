output "cluster_name" {
  value = module.eks.cluster_name
}

output "cluster_endpoint" {
  value = module.eks.cluster_endpoint
}

output "cluster_certificate_authority_data" {
  value = module.eks.cluster_certificate_authority_data
}

output "node_security_group_id" {
  description = "Security group of the nodes; pods use it too (VPC CNI), so the database admits it"
  value       = module.eks.node_security_group_id
}

output "aws_load_balancer_controller_role_arn" {
  value = module.aws_load_balancer_controller_identity.iam_role_arn
}

output "yace_role_arn" {
  description = "Role YACE (monitoring/yace) gets through EKS Pod Identity"
  value       = module.yace_identity.iam_role_arn
}
