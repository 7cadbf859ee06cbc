# The dns unit of every environment: the shop's Route 53 record and its DNS-validated ACM certificate. Included by
# terragrunt/<env>/dns/terragrunt.hcl, which says whether that environment's ALB exists yet.
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/modules//dns"
}

dependency "eks" {
  config_path = "${get_terragrunt_dir()}/../eks"

  mock_outputs = {
    cluster_name = "mock-cluster"
  }
  mock_outputs_allowed_terraform_commands = ["init", "validate", "plan"]
}

inputs = {
  zone_name     = local.env.locals.zone_name
  shop_hostname = local.env.locals.shop_hostname
  cluster_name  = dependency.eks.outputs.cluster_name
}
