include "root" {
  path = find_in_parent_folders("root.hcl")
}

locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "../../modules//rds"
}

dependency "vpc" {
  config_path = "../vpc"

  mock_outputs = {
    vpc_id                     = "vpc-00000000000000000"
    database_subnet_group_name = "mock-database-subnets"
  }
  mock_outputs_allowed_terraform_commands = ["init", "validate", "plan"]
}

dependency "eks" {
  config_path = "../eks"

  mock_outputs = {
    node_security_group_id = "sg-00000000000000000"
  }
  mock_outputs_allowed_terraform_commands = ["init", "validate", "plan"]
}

inputs = {
  identifier                = "mir-shop-${local.env.locals.environment}"
  vpc_id                    = dependency.vpc.outputs.vpc_id
  db_subnet_group_name      = dependency.vpc.outputs.database_subnet_group_name
  allowed_security_group_id = dependency.eks.outputs.node_security_group_id
  instance_class            = local.env.locals.db_instance_class
  multi_az                  = local.env.locals.db_multi_az
  deletion_protection       = local.env.locals.db_deletion_protection
}
