include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/dns.hcl"
  expose = true
}

# example.com exists in this account (the registered domain). It delegates dev.example.com to the zone the dev
# account's dns unit creates: replace the placeholders with that unit's output name_servers. alb_exists: step 14 of
# docs/deploy.md, true once Argo CD has created prod's ALB.
inputs = {
  delegated_subdomains = {
    "dev.example.com" = [
      "ns-0000.awsdns-00.org",
      "ns-0000.awsdns-00.co.uk",
      "ns-000.awsdns-00.com",
      "ns-000.awsdns-00.net",
    ]
  }
  alb_exists = false
}
