# Production: its own AWS account (placeholder id), three zones, Multi-AZ database, NAT per zone.
locals {
  environment    = "prod"
  aws_region     = "eu-west-1"
  aws_account_id = "444455556666"

  vpc_cidr           = "10.20.0.0/16"
  azs                = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  single_nat_gateway = false

  cluster_name        = "mir-shop-prod"
  kubernetes_version  = "1.32"
  node_instance_types = ["m6i.large"]
  node_capacity_type  = "ON_DEMAND"
  node_min_size       = 3
  node_max_size       = 6
  node_desired_size   = 3

  db_instance_class      = "db.m6g.large"
  db_multi_az            = true
  db_deletion_protection = true

  zone_name     = "example.com"
  shop_hostname = "shop.example.com"

  admin_cidrs     = ["203.0.113.0/24"]
  admin_role_arns = ["arn:aws:iam::444455556666:role/AWSReservedSSO_AdministratorAccess_0000000000000000"]

  dev_account_id = "111122223333"
}
