include "root" {
  path = find_in_parent_folders("root.hcl")
}

locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "../../modules//ecr"
}

# Receives the images replicated from dev; nobody pushes here directly.
inputs = {
  repository_name               = "mir-shop"
  replication_source_account_id = local.env.locals.dev_account_id
}
