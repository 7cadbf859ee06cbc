include "root" {
  path = find_in_parent_folders("root.hcl")
}

locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "../../modules//eks"
}

dependency "vpc" {
  config_path = "../vpc"

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
  node_instance_types          = local.env.locals.node_instance_types
  node_capacity_type           = local.env.locals.node_capacity_type
  node_min_size                = local.env.locals.node_min_size
  node_max_size                = local.env.locals.node_max_size
  node_desired_size            = local.env.locals.node_desired_size
}
