include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/vpc.hcl"
  expose = true
}

# A NAT gateway per zone, so losing one zone does not cut the others off.
inputs = {
  single_nat_gateway = false
}
