variable "zone_name" {
  description = "Public Route 53 hosted zone of this account: the registered domain's (exists already) or a subdomain created here (create_zone)"
  type        = string
}

variable "create_zone" {
  description = "Create zone_name in this account (a subdomain whose parent zone, in another account, delegates it)"
  type        = bool
  default     = false
}

variable "delegated_subdomains" {
  description = "Subdomains of zone_name whose zones live in other accounts: name => those zones' name servers"
  type        = map(list(string))
  default     = {}
}

variable "wait_for_validation" {
  description = "Wait for ACM to validate the certificate (false where the zone's delegation is applied later from another account)"
  type        = bool
  default     = true
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
