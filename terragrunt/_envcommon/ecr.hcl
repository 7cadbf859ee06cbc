# The ecr unit of every environment (scan on push, lifecycle policy in modules/ecr). Included by
# terragrunt/<env>/ecr/terragrunt.hcl, which says who pushes and where images are replicated.
# local.env is exposed to the units (include.envcommon.locals.env) for the other account's id.
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/modules//ecr"
}

inputs = {
  repository_name = "mir-shop"
}
