# The shop's image repository: immutable tags (one per commit), scan on push, lifecycle policy. In dev it also
# holds the role GitHub Actions assumes through OIDC to push (no long-lived keys), and replicates every image
# to prod's registry, so production runs the very image dev tested.
data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  push_role_arns      = var.github_repository == "" ? [] : [aws_iam_role.github_release[0].arn]
  github_oidc_creates = var.github_repository != "" && var.create_github_oidc_provider
  github_oidc_reuses  = var.github_repository != "" && !var.create_github_oidc_provider
  github_oidc_arn = local.github_oidc_creates ? aws_iam_openid_connect_provider.github[0].arn : (
    local.github_oidc_reuses ? data.aws_iam_openid_connect_provider.github[0].arn : ""
  )
}

module "ecr" {
  source  = "terraform-aws-modules/ecr/aws"
  version = "2.4.0"

  repository_name                   = var.repository_name
  repository_image_tag_mutability   = "IMMUTABLE"
  repository_image_scan_on_push     = true
  repository_read_write_access_arns = local.push_role_arns

  create_lifecycle_policy = true
  repository_lifecycle_policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the last ${var.keep_images} images"
      selection = {
        tagStatus   = "any"
        countType   = "imageCountMoreThan"
        countNumber = var.keep_images
      }
      action = { type = "expire" }
    }]
  })

  tags = var.tags
}

# An account has at most one OIDC provider per URL: create it, or use the one the account has
# (create_github_oidc_provider = false; `aws iam list-open-id-connect-providers` shows it).
data "aws_iam_openid_connect_provider" "github" {
  count = local.github_oidc_reuses ? 1 : 0
  url   = "https://token.actions.githubusercontent.com"
}

resource "aws_iam_openid_connect_provider" "github" {
  count          = local.github_oidc_creates ? 1 : 0
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
  tags           = var.tags
}

resource "aws_iam_role" "github_release" {
  count       = var.github_repository == "" ? 0 : 1
  name        = "${var.repository_name}-github-release"
  description = "Assumed by the release workflow of ${var.github_repository} (main branch) to push images"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.github_oidc_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:${var.github_repository}:ref:refs/heads/main"
        }
      }
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "github_release_login" {
  count = var.github_repository == "" ? 0 : 1
  name  = "ecr-login"
  role  = aws_iam_role.github_release[0].id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" }]
  })
}

resource "aws_ecr_replication_configuration" "to_prod" {
  count = var.replication_destination_account_id == "" ? 0 : 1
  replication_configuration {
    rule {
      destination {
        region      = data.aws_region.current.name
        registry_id = var.replication_destination_account_id
      }
      repository_filter {
        filter      = var.repository_name
        filter_type = "PREFIX_MATCH"
      }
    }
  }
}

resource "aws_ecr_registry_policy" "accept_replication" {
  count = var.replication_source_account_id == "" ? 0 : 1
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ReplicationFromDev"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${var.replication_source_account_id}:root" }
      Action    = ["ecr:CreateRepository", "ecr:ReplicateImage"]
      Resource  = "arn:aws:ecr:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:repository/*"
    }]
  })
}
