variable "name" {
  description = "Name of the VPC and prefix of its resources"
  type        = string
}

variable "cidr" {
  description = "IPv4 CIDR block of the VPC, e.g. 10.10.0.0/16"
  type        = string
}

variable "azs" {
  description = "Availability zones to spread the subnets over (2 or 3)"
  type        = list(string)
}

variable "single_nat_gateway" {
  description = "One NAT gateway for the whole VPC (cheaper, dev) instead of one per zone (prod)"
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for every resource"
  type        = map(string)
  default     = {}
}
