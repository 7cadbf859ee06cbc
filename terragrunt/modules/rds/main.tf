# PostgreSQL for the three services (one database, one schema each). Not publicly accessible, in the database
# subnets, reachable only from the EKS nodes' security group on 5432, TLS enforced. The master password is
# never in Terraform: RDS generates it and keeps it in AWS Secrets Manager (manage_master_user_password).
resource "aws_security_group" "database" {
  name_prefix = "${var.identifier}-db-"
  description = "PostgreSQL for ${var.identifier}, from the EKS nodes only"
  vpc_id      = var.vpc_id
  tags        = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "from_cluster" {
  security_group_id            = aws_security_group.database.id
  description                  = "PostgreSQL from the EKS nodes and pods"
  referenced_security_group_id = var.allowed_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

module "db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "6.10.0"

  identifier = var.identifier

  engine               = "postgres"
  engine_version       = var.engine_version
  family               = "postgres16"
  major_engine_version = "16"
  instance_class       = var.instance_class

  allocated_storage     = var.allocated_storage
  max_allocated_storage = var.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true

  db_name  = var.database_name
  username = var.master_username
  port     = 5432

  manage_master_user_password = true

  multi_az               = var.multi_az
  create_db_subnet_group = false
  db_subnet_group_name   = var.db_subnet_group_name
  vpc_security_group_ids = [aws_security_group.database.id]
  publicly_accessible    = false

  backup_retention_period = var.backup_retention_days
  deletion_protection     = var.deletion_protection
  skip_final_snapshot     = !var.deletion_protection

  performance_insights_enabled    = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
  create_cloudwatch_log_group     = true

  parameters = [
    {
      name  = "rds.force_ssl"
      value = "1"
    }
  ]

  tags = var.tags
}
