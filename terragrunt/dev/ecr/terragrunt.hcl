include "root" {
  path = find_in_parent_folders("root.hcl")
}

locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "../../modules//ecr"
}

# The release workflow pushes here (OIDC role); every image is replicated to prod's registry.
inputs = {
  repository_name                    = "mir-shop"
  github_repository                  = local.env.locals.github_repository
  replication_destination_account_id = local.env.locals.prod_account_id
}
