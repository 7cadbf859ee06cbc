include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/dns.hcl"
  expose = true
}

# Step 2 of the bootstrap (terragrunt/README.md): true once Argo CD has created dev's ALB.
inputs = {
  alb_exists = false
}
