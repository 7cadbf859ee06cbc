include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/rds.hcl"
  expose = true
}

# Smallest instance, one zone, may be deleted.
inputs = {
  instance_class      = "db.t4g.micro"
  multi_az            = false
  deletion_protection = false
}
