include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/rds.hcl"
  expose = true
}

# Multi-AZ (a standby in another zone), protected from deletion.
inputs = {
  instance_class      = "db.m6g.large"
  multi_az            = true
  deletion_protection = true
}
