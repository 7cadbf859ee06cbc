# The shop's TLS certificate (ACM, validated through DNS records in the zone), the NS records that delegate
# subdomains to other accounts' zones, and, once the ALB exists, the alias record pointing the shop's host name at
# it. Either the zone is created here (create_zone: a subdomain another account delegates to this one) or it
# exists in this account (the registered domain). The certificate ARN goes into the overlay's Ingress.
resource "aws_route53_zone" "this" {
  count   = var.create_zone ? 1 : 0
  name    = var.zone_name
  comment = "MIR Shop ${var.zone_name}, delegated from its parent zone"
  tags    = var.tags
}

data "aws_route53_zone" "existing" {
  count        = var.create_zone ? 0 : 1
  name         = var.zone_name
  private_zone = false
}

locals {
  zone_id      = var.create_zone ? aws_route53_zone.this[0].zone_id : data.aws_route53_zone.existing[0].zone_id
  name_servers = var.create_zone ? aws_route53_zone.this[0].name_servers : data.aws_route53_zone.existing[0].name_servers
}

resource "aws_route53_record" "delegation" {
  for_each = var.delegated_subdomains
  zone_id  = local.zone_id
  name     = each.key
  type     = "NS"
  ttl      = 172800
  records  = each.value
}

module "certificate" {
  source  = "terraform-aws-modules/acm/aws"
  version = "5.1.1"

  domain_name         = var.shop_hostname
  zone_id             = local.zone_id
  validation_method   = "DNS"
  wait_for_validation = var.wait_for_validation

  tags = var.tags
}

# The controller tags the load balancer with its cluster and Ingress group.
data "aws_lb" "shop" {
  count = var.alb_exists ? 1 : 0
  tags = {
    "elbv2.k8s.aws/cluster" = var.cluster_name
    "ingress.k8s.aws/stack" = var.ingress_group_name
  }
}

resource "aws_route53_record" "shop" {
  for_each = var.alb_exists ? toset(["A"]) : toset([])
  zone_id  = local.zone_id
  name     = var.shop_hostname
  type     = each.key

  alias {
    name                   = data.aws_lb.shop[0].dns_name
    zone_id                = data.aws_lb.shop[0].zone_id
    evaluate_target_health = true
  }
}
