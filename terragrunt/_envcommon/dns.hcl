# The dns unit of every environment: the shop's Route 53 records and its DNS-validated ACM certificate, in the zone
# this account owns. Included by terragrunt/<env>/dns/terragrunt.hcl, which says whether the zone is created here
# (dev: a subdomain delegated from prod) or exists (prod: the registered domain), which subdomains it delegates and
# whether that environment's ALB exists yet. No dependency: the cluster name comes from env.hcl, so the unit can be
# applied before the cluster (the delegation has to exist before the other account's certificate validates).
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/modules//dns"
}

inputs = {
  zone_name     = local.env.locals.zone_name
  shop_hostname = local.env.locals.shop_hostname
  cluster_name  = local.env.locals.cluster_name
}
