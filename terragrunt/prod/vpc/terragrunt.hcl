include "root" {
  path = find_in_parent_folders("root.hcl")
}

locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl")).locals
}

terraform {
  source = "../../modules//vpc"
}

inputs = {
  name               = "mir-shop-${local.env.environment}"
  cidr               = local.env.vpc_cidr
  azs                = local.env.azs
  single_nat_gateway = local.env.single_nat_gateway
}
