variable "zone_name" {
  description = "Public Route 53 hosted zone that exists already (registering the domain in Route 53 creates it)"
  type        = string
}

variable "shop_hostname" {
  description = "Public host name of the shop, inside zone_name"
  type        = string
}

variable "cluster_name" {
  description = "EKS cluster whose AWS Load Balancer Controller created the shop's ALB"
  type        = string
}

variable "ingress_group_name" {
  description = "alb.ingress.kubernetes.io/group.name of the shop's Ingress"
  type        = string
  default     = "mir-shop"
}

variable "alb_exists" {
  description = "Set to true once Argo CD has synced the shop and the controller created the ALB"
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource"
  type        = map(string)
  default     = {}
}
