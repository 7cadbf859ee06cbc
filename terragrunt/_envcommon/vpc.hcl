# The vpc unit of every environment: included by terragrunt/<env>/vpc/terragrunt.hcl, which adds what differs.
# Paths and env.hcl are resolved from the including unit's folder.
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/modules//vpc"
}

inputs = {
  name = "mir-shop-${local.env.locals.environment}"
  cidr = local.env.locals.vpc_cidr
  azs  = local.env.locals.azs
}
