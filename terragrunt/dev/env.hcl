# Development: its own AWS account (placeholder id), two zones. Sizes (small and cheap) are set in the units.
locals {
  environment    = "dev"
  aws_region     = "eu-west-1"
  aws_account_id = "111122223333"

  vpc_cidr = "10.10.0.0/16"
  azs      = ["eu-west-1a", "eu-west-1b"]

  cluster_name       = "mir-shop-dev"
  kubernetes_version = "1.32"

  # dev.example.com: a hosted zone of this account (the dns unit creates it), delegated from prod's example.com
  # (prod/dns/terragrunt.hcl, delegated_subdomains): each account writes only its own zone.
  zone_name     = "dev.example.com"
  shop_hostname = "shop.dev.example.com"

  # Replace with your office/VPN ranges before the first apply.
  admin_cidrs     = ["203.0.113.0/24"]
  admin_role_arns = ["arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0000000000000000"]

  github_repository = "mir-shop/mir-shop"
  prod_account_id   = "444455556666"
}
