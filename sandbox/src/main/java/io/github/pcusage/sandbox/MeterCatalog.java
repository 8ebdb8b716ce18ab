package io.github.pcusage.sandbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The fixed catalogue of meters that sandbox records use; the same for every seed. */
final class MeterCatalog {
  private static final String STORAGE = "Microsoft.Storage/storageAccounts";
  private static final String VM = "Microsoft.Compute/virtualMachines";
  private static final String DISK = "Microsoft.Compute/disks";
  private static final String SQL = "Microsoft.Sql/servers/databases";
  private static final String WEB = "Microsoft.Web/serverfarms";
  private static final String COSMOS = "Microsoft.DocumentDB/databaseAccounts";
  private static final String IP = "Microsoft.Network/publicIPAddresses";
  private static final String LOGS = "Microsoft.OperationalInsights/workspaces";
  private static final String VAULT = "Microsoft.KeyVault/vaults";
  private static final String FUNCTIONS = "Microsoft.Web/sites";

  static final List<Meter> METERS =
      List.of(
          meter(
              "Standard IO - Block Blob",
              "Storage",
              "Locally Redundant",
              "West Europe",
              "westeurope",
              "1 GB/Month",
              "0.0208",
              STORAGE,
              "stinvoices",
              -2,
              false),
          meter(
              "Standard IO - Page Blob/Disk (GB)",
              "Storage",
              "Locally Redundant",
              "US East",
              "eastus",
              "1 GB/Month",
              "0.05",
              STORAGE,
              "stdisks",
              -1,
              false),
          meter(
              "Standard IO - Block Blob Write Operation Units (in 10,000s)",
              "Storage",
              "Geo Redundant",
              "West Europe",
              "westeurope",
              "10,000s",
              "0.1",
              STORAGE,
              "stgrs",
              -1,
              false),
          meter(
              "Hot LRS Data Stored",
              "Storage",
              "General Block Blob v2",
              "JA East",
              "japaneast",
              "1 GB/Month",
              "0.0184",
              STORAGE,
              "sthot",
              -1,
              false),
          meter(
              "P10 Disks",
              "Storage",
              "Premium SSD Managed Disks",
              "EU North",
              "northeurope",
              "1/Month",
              "19.71",
              DISK,
              "disk-os-",
              -2,
              false),
          meter(
              "Data Transfer Out (GB)",
              "Bandwidth",
              "",
              "Zone 1",
              "westeurope",
              "1 GB",
              "0.087",
              VM,
              "vm-web-",
              -1,
              false),
          meter(
              "D2s v3",
              "Virtual Machines",
              "Dsv3 Series",
              "EU West",
              "westeurope",
              "1 Hour",
              "0.115",
              VM,
              "vm-app-",
              1,
              true),
          meter(
              "B2ms",
              "Virtual Machines",
              "BS Series",
              "US West 2",
              "westus2",
              "1 Hour",
              "0.0832",
              VM,
              "vm-build-",
              1,
              true),
          meter(
              "E4s v3 Low Priority",
              "Virtual Machines",
              "Esv3 Series",
              "US East 2",
              "eastus2",
              "1 Hour",
              "0.0504",
              VM,
              "vm-batch-",
              1,
              true),
          meter(
              "S0 DTUs",
              "SQL Database",
              "Single Standard",
              "EU West",
              "westeurope",
              "1/Day",
              "0.4839",
              SQL,
              "sqldb-billing-",
              0,
              false),
          meter(
              "S1 App",
              "Azure App Service",
              "Standard Plan",
              "AP Southeast",
              "southeastasia",
              "1 Hour",
              "0.1",
              WEB,
              "plan-portal-",
              1,
              true),
          meter(
              "100 RU/s",
              "Azure Cosmos DB",
              "",
              "EU West",
              "westeurope",
              "100/Hour",
              "0.008",
              COSMOS,
              "cosmos-orders-",
              1,
              true),
          meter(
              "Standard Static Public IP",
              "Virtual Network",
              "IP Addresses",
              "",
              "westeurope",
              "1 Hour",
              "0.005",
              IP,
              "pip-gw-",
              1,
              true),
          meter(
              "Data Ingestion",
              "Log Analytics",
              "Pay-as-you-go",
              "EU West",
              "westeurope",
              "1 GB",
              "2.76",
              LOGS,
              "log-central-",
              -1,
              false),
          meter(
              "Operations",
              "Key Vault",
              "Standard",
              "EU West",
              "westeurope",
              "10,000 Operations",
              "0.03",
              VAULT,
              "kv-secrets-",
              -1,
              false),
          meter(
              "Standard Execution Time",
              "Functions",
              "",
              "US East",
              "eastus",
              "1 GB Second",
              "0.000016",
              FUNCTIONS,
              "func-jobs-",
              3,
              false));

  private MeterCatalog() {}

  private static Meter meter(
      String name,
      String category,
      String subcategory,
      String region,
      String location,
      String unit,
      String price,
      String provider,
      String instancePrefix,
      int magnitude,
      boolean hourly) {
    String id =
        UUID.nameUUIDFromBytes(
                ("pcusage-sandbox/meter/" + name + "/" + region).getBytes(StandardCharsets.UTF_8))
            .toString();
    return new Meter(
        id,
        name,
        category,
        subcategory,
        region,
        location,
        unit,
        new BigDecimal(price),
        provider,
        instancePrefix,
        magnitude,
        hourly);
  }
}
