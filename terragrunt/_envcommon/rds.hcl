# The rds unit of every environment: PostgreSQL in the database subnets, reachable only from the cluster's nodes,
# master password managed by RDS in Secrets Manager (modules/rds). Included by terragrunt/<env>/rds/terragrunt.hcl,
# which sets the instance class, Multi-AZ and deletion protection. Paths and env.hcl are resolved from that folder.
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/modules//rds"
}

dependency "vpc" {
  config_path = "${get_terragrunt_dir()}/../vpc"

  mock_outputs = {
    vpc_id                     = "vpc-00000000000000000"
    database_subnet_group_name = "mock-database-subnets"
  }
  mock_outputs_allowed_terraform_commands = ["init", "validate", "plan"]
}

dependency "eks" {
  config_path = "${get_terragrunt_dir()}/../eks"

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
}
