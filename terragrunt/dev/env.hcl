# Development: its own AWS account (placeholder id), two zones, small and cheap.
locals {
  environment    = "dev"
  aws_region     = "eu-west-1"
  aws_account_id = "111122223333"

  vpc_cidr           = "10.10.0.0/16"
  azs                = ["eu-west-1a", "eu-west-1b"]
  single_nat_gateway = true

  cluster_name        = "mir-shop-dev"
  kubernetes_version  = "1.32"
  node_instance_types = ["t3.large"]
  node_capacity_type  = "SPOT"
  node_min_size       = 2
  node_max_size       = 3
  node_desired_size   = 2

  db_instance_class      = "db.t4g.micro"
  db_multi_az            = false
  db_deletion_protection = false

  zone_name     = "example.com"
  shop_hostname = "dev.shop.example.com"

  # Replace with your office/VPN ranges before the first apply.
  admin_cidrs     = ["203.0.113.0/24"]
  admin_role_arns = ["arn:aws:iam::111122223333:role/AWSReservedSSO_AdministratorAccess_0000000000000000"]

  github_repository = "mir-shop/mir-shop"
  prod_account_id   = "444455556666"
}
