include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/ecr.hcl"
  expose = true
}

# Receives the images replicated from dev; nobody pushes here directly.
inputs = {
  replication_source_account_id = include.envcommon.locals.env.locals.dev_account_id
}
