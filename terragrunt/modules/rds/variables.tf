variable "identifier" {
  description = "Name of the DB instance"
  type        = string
}

variable "vpc_id" {
  description = "VPC of the database (output of the vpc unit)"
  type        = string
}

variable "db_subnet_group_name" {
  description = "Database subnet group in the VPC's private database subnets (output of the vpc unit)"
  type        = string
}

variable "allowed_security_group_id" {
  description = "The only security group allowed to connect: the EKS nodes' (output of the eks unit)"
  type        = string
}

variable "engine_version" {
  description = "PostgreSQL version"
  type        = string
  default     = "16.8"
}

variable "instance_class" {
  description = "DB instance class"
  type        = string
}

variable "allocated_storage" {
  description = "Initial storage in GiB"
  type        = number
  default     = 20
}

variable "max_allocated_storage" {
  description = "Storage autoscaling ceiling in GiB"
  type        = number
  default     = 100
}

variable "database_name" {
  description = "Database the shop connects to (schemas storefront, discounts, ads are created by Flyway)"
  type        = string
  default     = "mirshop"
}

variable "master_username" {
  description = "Master user name; its password is generated and kept by RDS in AWS Secrets Manager"
  type        = string
  default     = "mirshop"
}

variable "multi_az" {
  description = "Standby in a second zone with automatic failover (prod)"
  type        = bool
}

variable "backup_retention_days" {
  description = "Days of automated backups"
  type        = number
  default     = 7
}

variable "deletion_protection" {
  description = "Refuse to delete the instance (prod); also takes a final snapshot"
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for every resource"
  type        = map(string)
  default     = {}
}
