variable "cluster_name" {
  description = "Name of the EKS cluster"
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes minor version, e.g. 1.32"
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cluster (output of the vpc unit)"
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets for the nodes and the control plane ENIs (output of the vpc unit)"
  type        = list(string)
}

variable "endpoint_public_access_cidrs" {
  description = "Networks allowed to reach the public API endpoint (office, VPN, CI)"
  type        = list(string)
}

variable "admin_role_arns" {
  description = "IAM roles granted cluster-admin through EKS access entries, with their path: an IAM Identity Center role is arn:aws:iam::<account>:role/aws-reserved/sso.amazonaws.com/<region>/AWSReservedSSO_<set>_<id> (aws iam get-role --role-name AWSReservedSSO_... --query Role.Arn)"
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "Instance types of the managed node group"
  type        = list(string)
  default     = ["m6i.large"]
}

variable "node_capacity_type" {
  description = "ON_DEMAND or SPOT"
  type        = string
  default     = "ON_DEMAND"
}

variable "node_min_size" {
  description = "Minimum nodes in the managed node group"
  type        = number
  default     = 2
}

variable "node_max_size" {
  description = "Maximum nodes in the managed node group"
  type        = number
  default     = 4
}

variable "node_desired_size" {
  description = "Nodes at creation (later owned by whoever scales the group)"
  type        = number
  default     = 2
}

variable "external_secrets_secret_arns" {
  description = "Secrets Manager ARNs External Secrets may read (the RDS-managed secrets are named rds!db-..., the shop's own mir-shop/...)"
  type        = list(string)
  default     = ["arn:aws:secretsmanager:*:*:secret:rds!db-*", "arn:aws:secretsmanager:*:*:secret:mir-shop/*"]
}

variable "tags" {
  description = "Tags for every resource"
  type        = map(string)
  default     = {}
}
