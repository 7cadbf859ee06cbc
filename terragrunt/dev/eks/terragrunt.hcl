include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/eks.hcl"
  expose = true
}

# Two to three spot nodes.
inputs = {
  node_instance_types = ["t3.large"]
  node_capacity_type  = "SPOT"
  node_min_size       = 2
  node_max_size       = 3
  node_desired_size   = 2
}
