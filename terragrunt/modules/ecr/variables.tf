variable "repository_name" {
  description = "ECR repository of the shop image"
  type        = string
  default     = "mir-shop"
}

variable "keep_images" {
  description = "How many images the lifecycle policy keeps"
  type        = number
  default     = 200
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose main branch may push images through OIDC; empty: no role"
  type        = string
  default     = ""
}

variable "create_github_oidc_provider" {
  description = "Create the GitHub Actions OIDC provider; false when the account already has one for token.actions.githubusercontent.com"
  type        = bool
  default     = true
}

variable "replication_destination_account_id" {
  description = "Account (prod) that receives every pushed image by ECR replication; empty: none"
  type        = string
  default     = ""
}

variable "replication_source_account_id" {
  description = "Account (dev) allowed to replicate images into this registry; empty: none"
  type        = string
  default     = ""
}

variable "tags" {
  description = "Tags for every resource"
  type        = map(string)
  default     = {}
}
