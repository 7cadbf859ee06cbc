# Production: its own AWS account (placeholder id), three zones. Sizes, Multi-AZ and NAT per zone are set in the units.
locals {
  environment    = "prod"
  aws_region     = "eu-west-1"
  aws_account_id = "444455556666"

  vpc_cidr = "10.20.0.0/16"
  azs      = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]

  cluster_name       = "mir-shop-prod"
  kubernetes_version = "1.32"

  # The registered domain's public zone (registering it in Route 53 creates it in this account).
  zone_name     = "example.com"
  shop_hostname = "shop.example.com"

  admin_cidrs     = ["203.0.113.0/24"]
  admin_role_arns = ["arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0000000000000000"]

  dev_account_id = "111122223333"
}
