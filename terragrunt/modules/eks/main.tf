# EKS with one managed node group, the add-ons the shop needs (VPC CNI with network policies enforced, EKS Pod
# Identity agent, EBS CSI for Prometheus volumes), and Pod Identity roles for the AWS Load Balancer Controller,
# the EBS CSI driver, External Secrets and YACE (CloudWatch metrics). Access through EKS access entries (no aws-auth ConfigMap).
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.36.0"

  cluster_name    = var.cluster_name
  cluster_version = var.kubernetes_version

  cluster_endpoint_public_access       = true
  cluster_endpoint_public_access_cidrs = var.endpoint_public_access_cidrs
  cluster_endpoint_private_access      = true

  # Access only through the explicit entries below. The creator's automatic entry would be a second entry for the
  # same role whenever the one running Terraform is listed in admin_role_arns (409 ResourceInUseException), so the
  # role that applies must be one of admin_role_arns.
  authentication_mode                      = "API"
  enable_cluster_creator_admin_permissions = false
  access_entries = {
    for arn in var.admin_role_arns : arn => {
      principal_arn = arn
      policy_associations = {
        admin = {
          policy_arn = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
          access_scope = {
            type = "cluster"
          }
        }
      }
    }
  }

  vpc_id     = var.vpc_id
  subnet_ids = var.private_subnet_ids

  cluster_addons = {
    coredns    = {}
    kube-proxy = {}
    vpc-cni = {
      before_compute       = true
      configuration_values = jsonencode({ enableNetworkPolicy = "true" })
    }
    eks-pod-identity-agent = {
      before_compute = true
    }
    aws-ebs-csi-driver = {}
  }

  eks_managed_node_groups = {
    default = {
      instance_types = var.node_instance_types
      capacity_type  = var.node_capacity_type
      min_size       = var.node_min_size
      max_size       = var.node_max_size
      desired_size   = var.node_desired_size
    }
  }

  tags = var.tags
}

# eks-pod-identity 1.12.1 grants every action of the AWS Load Balancer Controller v2.12.0's IAM policy (chart 1.12.0);
# 1.10.0 lacked elasticloadbalancing:SetRulePriorities, elasticloadbalancing:ModifyIpPools and ec2:DescribeIpamPools.
module "aws_load_balancer_controller_identity" {
  source  = "terraform-aws-modules/eks-pod-identity/aws"
  version = "1.12.1"

  name                            = "${var.cluster_name}-aws-lbc"
  attach_aws_lb_controller_policy = true
  associations = {
    controller = {
      cluster_name    = module.eks.cluster_name
      namespace       = "kube-system"
      service_account = "aws-load-balancer-controller"
    }
  }

  tags = var.tags
}

module "ebs_csi_identity" {
  source  = "terraform-aws-modules/eks-pod-identity/aws"
  version = "1.12.1"

  name                      = "${var.cluster_name}-ebs-csi"
  attach_aws_ebs_csi_policy = true
  associations = {
    controller = {
      cluster_name    = module.eks.cluster_name
      namespace       = "kube-system"
      service_account = "ebs-csi-controller-sa"
    }
  }

  tags = var.tags
}

module "external_secrets_identity" {
  source  = "terraform-aws-modules/eks-pod-identity/aws"
  version = "1.12.1"

  name                                  = "${var.cluster_name}-external-secrets"
  attach_external_secrets_policy        = true
  external_secrets_secrets_manager_arns = var.external_secrets_secret_arns
  associations = {
    controller = {
      cluster_name    = module.eks.cluster_name
      namespace       = "external-secrets"
      service_account = "external-secrets"
    }
  }

  tags = var.tags
}

# YACE (kubernetes/platform/base/addons/prometheus-yet-another-cloudwatch-exporter.yaml) reads CloudWatch metrics of
# the resources it finds by tag. Read-only: the actions YACE v0.67.0's README lists for discovery jobs
# (tag:GetResources, cloudwatch:GetMetricData, cloudwatch:GetMetricStatistics, cloudwatch:ListMetrics), plus
# iam:ListAccountAliases for the account_alias label (without it YACE logs a warning every scrape). None of these
# actions takes a resource ARN.
module "yace_identity" {
  source  = "terraform-aws-modules/eks-pod-identity/aws"
  version = "1.12.1"

  name                      = "${var.cluster_name}-yace"
  attach_custom_policy      = true
  custom_policy_description = "YACE: read CloudWatch metrics of tagged resources"
  policy_statements = [
    {
      sid = "CloudWatchRead"
      actions = [
        "tag:GetResources",
        "cloudwatch:GetMetricData",
        "cloudwatch:GetMetricStatistics",
        "cloudwatch:ListMetrics",
        "iam:ListAccountAliases",
      ]
      resources = ["*"]
    }
  ]
  associations = {
    exporter = {
      cluster_name    = module.eks.cluster_name
      namespace       = "monitoring"
      service_account = "yace"
    }
  }

  tags = var.tags
}
