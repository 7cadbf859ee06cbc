# Included by every unit (terragrunt/<env>/<unit>/terragrunt.hcl). Generates the S3 backend (state key from the
# unit's path, native S3 locking with use_lockfile, no DynamoDB table) and the AWS provider with the common tags.
locals {
  env         = read_terragrunt_config(find_in_parent_folders("env.hcl"))
  environment = local.env.locals.environment
  aws_region  = local.env.locals.aws_region
  account_id  = local.env.locals.aws_account_id

  common_tags = {
    Project     = "mir-shop"
    Environment = local.environment
    ManagedBy   = "terragrunt"
    Repository  = "mir-shop/mir-shop"
  }
}

# Same versions as terragrunt/mise.toml and terragrunt/.terraform-version. Terragrunt >= 0.77.22 has `run --all`
# without the cli-redesign experiment (TerragruntUpstreamTest checks the documented commands against 0.81.10).
terragrunt_version_constraint = "~> 0.81.10"
terraform_version_constraint  = "~> 1.11.0"

remote_state {
  backend = "s3"
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    bucket       = "mir-shop-tfstate-${local.account_id}-${local.aws_region}"
    key          = "${path_relative_to_include()}/terraform.tfstate"
    region       = local.aws_region
    encrypt      = true
    use_lockfile = true
  }
}

generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<EOF
terraform {
  required_version = "~> 1.11.0"
  # Every provider the registry modules need, pinned exactly (TerragruntUpstreamTest reads their versions.tf):
  # eks needs tls, time, cloudinit and null, rds needs random. The checksums go into each unit's
  # .terraform.lock.hcl, made once with registry access (docs/deploy.md, first deployment).
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.95.0"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "4.1.0"
    }
    time = {
      source  = "hashicorp/time"
      version = "0.13.1"
    }
    cloudinit = {
      source  = "hashicorp/cloudinit"
      version = "2.3.7"
    }
    null = {
      source  = "hashicorp/null"
      version = "3.2.4"
    }
    random = {
      source  = "hashicorp/random"
      version = "3.7.2"
    }
  }
}

provider "aws" {
  region              = "${local.aws_region}"
  allowed_account_ids = ["${local.account_id}"]
  default_tags {
    tags = ${jsonencode(local.common_tags)}
  }
}
EOF
}

# Every module in terragrunt/modules declares `tags`.
inputs = {
  tags = local.common_tags
}
