include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/ecr.hcl"
  expose = true
}

# The release workflow pushes here (OIDC role); every image is replicated to prod's registry.
inputs = {
  github_repository                  = include.envcommon.locals.env.locals.github_repository
  replication_destination_account_id = include.envcommon.locals.env.locals.prod_account_id
}
