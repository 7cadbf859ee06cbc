output "certificate_arn" {
  description = "For alb.ingress.kubernetes.io/certificate-arn in kubernetes/overlays/<env>"
  value       = module.certificate.acm_certificate_arn
}

output "shop_url" {
  value = "https://${var.shop_hostname}/"
}
