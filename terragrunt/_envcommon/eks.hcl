# The eks unit of every environment: included by terragrunt/<env>/eks/terragrunt.hcl, which sets the node group's size.
# Paths and env.hcl are resolved from the including unit's folder.
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/modules//eks"
}

dependency "vpc" {
  config_path = "${get_terragrunt_dir()}/../vpc"

  # Lets `plan` and `validate` run before the VPC exists.
  mock_outputs = {
    vpc_id          = "vpc-00000000000000000"
    private_subnets = ["subnet-00000000000000001", "subnet-00000000000000002"]
  }
  mock_outputs_allowed_terraform_commands = ["init", "validate", "plan"]
}

inputs = {
  cluster_name                 = local.env.locals.cluster_name
  kubernetes_version           = local.env.locals.kubernetes_version
  vpc_id                       = dependency.vpc.outputs.vpc_id
  private_subnet_ids           = dependency.vpc.outputs.private_subnets
  endpoint_public_access_cidrs = local.env.locals.admin_cidrs
  admin_role_arns              = local.env.locals.admin_role_arns
}
