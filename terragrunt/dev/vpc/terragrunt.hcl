include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/vpc.hcl"
  expose = true
}

# One NAT gateway for both zones: cheaper; dev may lose egress with one zone.
inputs = {
  single_nat_gateway = true
}
