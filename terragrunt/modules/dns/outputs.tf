output "certificate_arn" {
  description = "For alb.ingress.kubernetes.io/certificate-arn in kubernetes/overlays/<env>"
  value       = module.certificate.acm_certificate_arn
}

output "name_servers" {
  description = "Name servers of the zone: for the parent zone's delegated_subdomains (dev's zone → prod/dns)"
  value       = local.name_servers
}

output "certificate_status_command" {
  description = "Shows ISSUED once the certificate validated"
  value       = "aws acm describe-certificate --certificate-arn ${module.certificate.acm_certificate_arn} --query Certificate.Status --output text"
}

output "shop_url" {
  value = "https://${var.shop_hostname}/"
}
