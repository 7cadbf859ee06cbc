# Thin wrapper: the environment gives name, CIDR and zones; subnets are carved from the CIDR, one of each kind
# per zone, and tagged so the AWS Load Balancer Controller finds them (public: internet-facing ALBs).
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.21.0"

  name = var.name
  cidr = var.cidr
  azs  = var.azs

  private_subnets  = [for i, az in var.azs : cidrsubnet(var.cidr, 4, i)]
  public_subnets   = [for i, az in var.azs : cidrsubnet(var.cidr, 8, 48 + i)]
  database_subnets = [for i, az in var.azs : cidrsubnet(var.cidr, 8, 64 + i)]

  create_database_subnet_group = true
  enable_nat_gateway           = true
  single_nat_gateway           = var.single_nat_gateway
  one_nat_gateway_per_az       = !var.single_nat_gateway
  enable_dns_hostnames         = true
  enable_dns_support           = true

  public_subnet_tags = {
    "kubernetes.io/role/elb" = "1"
  }
  private_subnet_tags = {
    "kubernetes.io/role/internal-elb" = "1"
  }

  tags = var.tags
}
