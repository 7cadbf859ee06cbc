# The shop's TLS certificate (ACM, validated through DNS records in the zone) and, once the ALB exists, the
# alias records pointing the shop's host name at it. The certificate ARN goes into the overlay's Ingress.
data "aws_route53_zone" "public" {
  name         = var.zone_name
  private_zone = false
}

module "certificate" {
  source  = "terraform-aws-modules/acm/aws"
  version = "5.1.1"

  domain_name         = var.shop_hostname
  zone_id             = data.aws_route53_zone.public.zone_id
  validation_method   = "DNS"
  wait_for_validation = true

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
  zone_id  = data.aws_route53_zone.public.zone_id
  name     = var.shop_hostname
  type     = each.key

  alias {
    name                   = data.aws_lb.shop[0].dns_name
    zone_id                = data.aws_lb.shop[0].zone_id
    evaluate_target_health = true
  }
}
