output "address" {
  description = "Host name for QUARKUS_DATASOURCE_JDBC_URL"
  value       = module.db.db_instance_address
}

output "port" {
  value = module.db.db_instance_port
}

output "database_name" {
  value = module.db.db_instance_name
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret (JSON username/password) that RDS manages and rotates"
  value       = module.db.db_instance_master_user_secret_arn
}
