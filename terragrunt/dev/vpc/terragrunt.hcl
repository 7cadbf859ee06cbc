include "root" {
  path = find_in_parent_folders("root.hcl")
}

locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "../../modules//vpc"
}

inputs = {
  name               = "mir-shop-${local.env.locals.environment}"
  cidr               = local.env.locals.vpc_cidr
  azs                = local.env.locals.azs
  single_nat_gateway = local.env.locals.single_nat_gateway
}
