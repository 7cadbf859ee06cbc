include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/dns.hcl"
  expose = true
}

# dev.example.com is created in this account; the certificate validates once prod's zone delegates it (output
# name_servers → prod/dns delegated_subdomains), so apply does not wait for it. alb_exists: step 14 of
# docs/deploy.md, true once Argo CD has created dev's ALB.
inputs = {
  create_zone         = true
  wait_for_validation = false
  alb_exists          = false
}
