include "root" {
  path = find_in_parent_folders("root.hcl")
}

locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "../../modules//dns"
}

dependency "eks" {
  config_path = "../eks"

  mock_outputs = {
    cluster_name = "mock-cluster"
  }
  mock_outputs_allowed_terraform_commands = ["init", "validate", "plan"]
}

inputs = {
  zone_name     = local.env.locals.zone_name
  shop_hostname = local.env.locals.shop_hostname
  cluster_name  = dependency.eks.outputs.cluster_name
  # Step 2 of the bootstrap (terragrunt/README.md): true once Argo CD has created the shop's ALB.
  alb_exists = false
}
