using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tributary.Infra.Tests;

/// <summary>Security and platform properties asserted on the ARM JSON that `bicep build` compiles main.bicep to.</summary>
public sealed partial class ArmTemplateSecurityTests(BicepOutput bicep)
{
    /// <summary>
    /// Built-in role definition IDs (the same in every tenant), cross-checked against the name-to-ID maps of
    /// built-in roles (`builtInRoleNames`) that many public Bicep modules carry, which agree on all five.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ExpectedRoles = new Dictionary<string, string>
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
    };

    private JsonObject Main => bicep.Compiled("infra/main.bicep");

    private TemplateScope Module(string deploymentName) =>
        ArmTemplate.Scopes(Main).Single(s => s.Name == deploymentName);

    private static JsonObject Single(TemplateScope scope, string type) => Assert.Single(scope.OfType(type));

    private static JsonNode? At(JsonNode node, params string[] path) =>
        path.Aggregate<string, JsonNode?>(node, (current, key) => current?[key]);

    [Fact]
    public void Main_is_a_subscription_deployment_with_azd_inputs()
    {
        Assert.Contains("subscriptionDeploymentTemplate", (string?)Main["$schema"]);
        var parameters = Main["parameters"]!.AsObject();
        Assert.Null(parameters["environmentName"]!["defaultValue"]);
        Assert.Null(parameters["location"]!["defaultValue"]);
        Assert.Equal("location", (string?)At(parameters["location"]!, "metadata", "azd", "type"));

        var resourceGroup = Assert.Single(new TemplateScope("main", Main, null).OfType("Microsoft.Resources/resourceGroups"));
        Assert.Equal("[variables('tags')]", (string?)resourceGroup["tags"]);
        Assert.Equal("[parameters('environmentName')]", (string?)Main["variables"]!["tags"]!["azd-env-name"]);
        Assert.Contains("uniqueString(subscription().id, parameters('environmentName'), parameters('location'))",
            (string?)Main["variables"]!["resourceToken"]);
    }

    [Fact]
    public void Storage_allows_neither_shared_keys_nor_anonymous_or_plain_http_access()
    {
        var account = Single(Module("storage"), "Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);

        foreach (var container in Module("storage").OfType("Microsoft.Storage/storageAccounts/blobServices/containers"))
        {
            Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
        }
    }

    [Fact]
    public void Storage_has_the_deployment_container_and_the_trigger_queues()
    {
        var storage = Module("storage");
        Assert.Single(storage.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.Equal("app-package", (string?)Main["variables"]!["deploymentContainerName"]);
        Assert.Equal("[variables('deploymentContainerName')]", storage.PassedValue("deploymentContainerName"));

        // The queue triggers (checked against the app's functions.metadata by the package tests) have their queues.
        var queues = storage.PassedValue("queueNames");
        foreach (var queue in FunctionAppTriggers.QueueFunctions.Values)
        {
            Assert.Contains($"\"{queue}\"", queues);
        }
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_flex_consumption()
    {
        var functionApp = Module("functionapp");
        var plan = Single(functionApp, "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);

        var site = Single(functionApp, "Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);

        // The worker runs framework-dependent on the platform's .NET, so the runtime version is the app's target.
        Assert.Equal("net10.0", FunctionsProject.TargetFramework());

        var deployment = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)deployment["type"]);
        Assert.Equal("[parameters('deploymentContainerUrl')]", (string?)deployment["value"]);
        Assert.Equal("UserAssignedIdentity", (string?)deployment["authentication"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)deployment["authentication"]!["userAssignedIdentityResourceId"]);
        Assert.Contains("outputs.deploymentContainerUrl.value", functionApp.PassedValue("deploymentContainerUrl"));
    }

    [Fact]
    public void Function_app_is_https_only_with_tls_1_2_no_ftp_and_no_basic_auth_publishing()
    {
        var functionApp = Module("functionapp");
        var site = Single(functionApp, "Microsoft.Web/sites");
        var properties = site["properties"]!;

        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("1.2", (string?)properties["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("1.2", (string?)properties["siteConfig"]!["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)properties["siteConfig"]!["ftpsState"]);

        var policies = functionApp.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
        Assert.Contains(policies, p => ((string)p["name"]!).EndsWith("'ftp')]", StringComparison.Ordinal));
        Assert.Contains(policies, p => ((string)p["name"]!).EndsWith("'scm')]", StringComparison.Ordinal));
    }

    [Fact]
    public void Function_app_runs_as_the_user_assigned_identity_everywhere()
    {
        var functionApp = Module("functionapp");
        var site = Single(functionApp, "Microsoft.Web/sites");

        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        var identities = site["identity"]!["userAssignedIdentities"]!.AsObject();
        Assert.Equal("[format('{0}', parameters('identityId'))]", Assert.Single(identities).Key);
        Assert.Equal("[parameters('identityId')]", (string?)site["properties"]!["keyVaultReferenceIdentity"]);

        // The module gets the identity from the identity module, the same one the role assignments are for.
        Assert.Contains("'identity'", functionApp.PassedValue("identityId"));
        Assert.Contains("outputs.id.value", functionApp.PassedValue("identityId"));
        Assert.Contains("outputs.clientId.value", functionApp.PassedValue("identityClientId"));
        Assert.Contains("'identity'", Module("rbac").PassedValue("principalId"));
        Assert.Contains("outputs.principalId.value", Module("rbac").PassedValue("principalId"));
        Assert.Single(ArmTemplate.AllOfType(Main, "Microsoft.ManagedIdentity/userAssignedIdentities"));
    }

    [Fact]
    public void Function_app_settings_are_identity_based()
    {
        var functionApp = Module("functionapp");
        var host = functionApp.Variables["hostSettings"]!.AsObject();

        Assert.Equal("[parameters('storageAccountName')]", (string?)host["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", (string?)host["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)host["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('storageBlobEndpoint')]", (string?)host["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("[parameters('storageQueueEndpoint')]", (string?)host["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal("[parameters('storageTableEndpoint')]", (string?)host["AzureWebJobsStorage__tableServiceUri"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)host["AZURE_CLIENT_ID"]);
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]",
            (string?)host["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);

        Assert.Contains("outputs.blobEndpoint.value", functionApp.PassedValue("storageBlobEndpoint"));
        Assert.Contains("outputs.queueEndpoint.value", functionApp.PassedValue("storageQueueEndpoint"));
        Assert.Contains("outputs.tableEndpoint.value", functionApp.PassedValue("storageTableEndpoint"));

        // The site's settings: app settings, then the host settings (which win), then the App Insights endpoint.
        Assert.Equal(
            "[map(filter(items(union(parameters('appSettings'), variables('hostSettings'))), lambda('setting', not(equals(lambdaVariables('setting').key, 'APPLICATIONINSIGHTS_CONNECTION_STRING')))), lambda('setting', createObject('name', lambdaVariables('setting').key, 'value', lambdaVariables('setting').value)))]",
            (string?)functionApp.Variables["settings"]);
        var siteSettings = (string?)Single(functionApp, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"];
        Assert.Equal(
            "[concat(variables('settings'), createArray(createObject('name', 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'value', reference(resourceId('Microsoft.Insights/components', parameters('applicationInsightsName')), '2020-02-02').ConnectionString)))]",
            siteSettings);
    }

    [Theory]
    [InlineData("IngestWeather", "ingestWeatherSchedule", "0 5 * * * *")]
    [InlineData("IngestDepartures", "ingestDeparturesSchedule", "0 */15 * * * *")]
    [InlineData("IngestPartnerDepartures", "ingestPartnerDeparturesSchedule", "0 7,22,37,52 * * * *")]
    [InlineData("IngestAirQuality", "ingestAirQualitySchedule", "0 20 * * * *")]
    [InlineData("IngestTimetable", "ingestTimetableSchedule", "0 30 3 * * *")]
    [InlineData("IngestScheduledSources", "ingestScheduledSourcesSchedule", "0 * * * * *")]
    public void Every_timer_gets_its_schedule_setting(string function, string parameter, string defaultSchedule)
    {
        var schedule = (string?)Main["parameters"]!.AsObject()[parameter]!["defaultValue"];
        Assert.Equal(defaultSchedule, schedule);
        Assert.Equal(6, schedule!.Split(' ').Length);

        // The timer's %Setting% (checked against functions.metadata by the package tests) must resolve, or the host
        // refuses to start the function.
        Assert.Contains(function, FunctionAppTriggers.Timers);
        var setting = FunctionAppTriggers.ScheduleSetting(function);
        Assert.Contains($"'{setting}', parameters('{parameter}')", Module("functionapp").PassedValue("appSettings"));
    }

    [Fact]
    public void Every_timer_of_the_app_has_a_schedule_parameter()
    {
        var appSettings = Module("functionapp").PassedValue("appSettings");
        foreach (var timer in FunctionAppTriggers.Timers)
        {
            // The parameter is the setting's name in camelCase (ingestWeatherSchedule, evaluateAlertsSchedule).
            var setting = FunctionAppTriggers.ScheduleSetting(timer);
            Assert.Matches($@"'{setting}', parameters\('{char.ToLowerInvariant(setting[0])}{setting[1..]}'\)", appSettings);
        }
    }

    [Fact]
    public void App_settings_carry_every_sources_endpoint_and_the_key_vault()
    {
        var parameters = Main["parameters"]!.AsObject();
        Assert.Equal("https://api.open-meteo.com", (string?)parameters["openMeteoBaseUrl"]!["defaultValue"]);
        Assert.Equal("https://api.entur.io", (string?)parameters["enturBaseUrl"]!["defaultValue"]);
        Assert.Equal("https://api.openaq.org", (string?)parameters["openAqBaseUrl"]!["defaultValue"]);
        Assert.Equal("https://air-quality-api.open-meteo.com", (string?)parameters["openMeteoAirQualityBaseUrl"]!["defaultValue"]);

        var appSettings = Module("functionapp").PassedValue("appSettings");
        Assert.Contains("'Sources__OpenMeteo__BaseUrl', parameters('openMeteoBaseUrl')", appSettings);
        Assert.Contains("'Sources__OpenMeteoAirQuality__BaseUrl', parameters('openMeteoAirQualityBaseUrl')", appSettings);
        Assert.Contains("'Sources__EnturJourneyPlanner__BaseUrl', parameters('enturBaseUrl')", appSettings);
        Assert.Contains("'Sources__EnturPartner__BaseUrl', parameters('enturBaseUrl')", appSettings);
        Assert.Contains("'Sources__EnturPartner__Auth__TokenUrl', parameters('enturPartnerTokenUrl')", appSettings);
        // Without a partner client id the partner source is switched off rather than failing every run.
        Assert.Contains("'Sources__EnturPartner__Enabled', if(empty(parameters('enturPartnerClientId')), 'false', 'true')", appSettings);
        Assert.Contains("'Sources__EnturGtfs__BaseUrl', parameters('enturGtfsBaseUrl')", appSettings);
        Assert.Contains("'Sources__OpenAq__BaseUrl', parameters('openAqBaseUrl')", appSettings);
        Assert.Contains("'Tributary__KeyVaultUri', reference(", appSettings);
        Assert.Contains("'keyvault'", appSettings);
    }

    [Fact]
    public void Vendor_secrets_go_to_key_vault_only_when_given_under_the_names_the_manifests_read()
    {
        // The app reads vendor secrets from Key Vault itself, so no vendor secret value or reference is an app
        // setting; the one Key Vault reference is the admin key's (Admin__Keys, see the admin key test).
        var appSettings = Module("functionapp").PassedValue("appSettings");
        Assert.Single(Regex.Matches(appSettings, "@Microsoft.KeyVault"));
        Assert.DoesNotContain("Secret')", appSettings);

        var passed = Module("keyvault");
        var names = new[] { passed.PassedValue("openAqApiKeySecretName"), passed.PassedValue("enturPartnerClientSecretName") }
            .Select(n => (string?)Main["variables"]?[n.Replace("[variables('", "", StringComparison.Ordinal).Replace("')]", "", StringComparison.Ordinal)] ?? n).ToList();
        foreach (var manifest in Directory.GetFiles(Repo.Path("functions", "Tributary.Functions", "sources"), "*.json"))
        {
            var auth = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!["Sources"]!.AsObject().Single().Value!["Auth"];
            if ((string?)auth?["SecretName"] is { } secretName) Assert.Contains(secretName, names);
        }

        var vault = Module("keyvault");
        foreach (var secret in vault.OfType("Microsoft.KeyVault/vaults/secrets"))
        {
            var value = (string?)secret["properties"]!["value"];
            var parameter = ParameterReference().Match(value ?? "").Groups[1].Value;
            Assert.Equal("securestring", (string?)vault.Template["parameters"]![parameter]!["type"]);
            Assert.Equal($"[not(empty(parameters('{parameter}')))]", (string?)secret["condition"]);
        }

        Assert.Equal(3, vault.OfType("Microsoft.KeyVault/vaults/secrets").Count());
    }

    [Fact]
    public void The_admin_key_is_one_key_vault_secret_the_admin_host_key_and_the_Admin_Keys_reference()
    {
        // azd generates the key once and reads it back from Key Vault on every later run.
        var file = JsonNode.Parse(File.ReadAllText(Repo.Path("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        Assert.Equal("$(secretOrRandomPassword ${AZURE_KEY_VAULT_NAME} admin-key)", (string?)file["adminKey"]!["value"]);
        Assert.Equal("securestring", (string?)Main["parameters"]!["adminKey"]!["type"]);
        Assert.Equal("admin-key", (string?)Main["variables"]!["adminKeySecretName"]);

        var vault = Module("keyvault");
        Assert.Equal("[parameters('adminKey')]", vault.PassedValue("adminKey"));
        Assert.Contains(vault.OfType("Microsoft.KeyVault/vaults/secrets"), s => ((string?)s["name"])?.Contains("adminKeySecretName") == true);

        var functionApp = Module("functionapp");
        Assert.Equal("[parameters('adminKey')]", functionApp.PassedValue("adminKey"));
        var hostKey = Assert.Single(functionApp.OfType("Microsoft.Web/sites/host/functionKeys"));
        Assert.Equal("[format('{0}/default/admin', parameters('name'))]", (string?)hostKey["name"]);
        Assert.Equal("[parameters('adminKey')]", (string?)hostKey["properties"]!["value"]);
        Assert.Equal("[not(empty(parameters('adminKey')))]", (string?)hostKey["condition"]);

        // Without a key there is no reference either: an unresolved reference would be its own text, a guessable key.
        var appSettings = functionApp.PassedValue("appSettings");
        Assert.Contains("if(empty(parameters('adminKey')), createObject(), createObject('Admin__Keys', format('@Microsoft.KeyVault(VaultName={0};SecretName={1})'", appSettings);
    }

    [Fact]
    public void Token_validation_rate_limit_and_cors_come_from_parameters()
    {
        var appSettings = Module("functionapp").PassedValue("appSettings");
        Assert.Contains("'Auth__Issuer', parameters('authIssuer')", appSettings);
        Assert.Contains("'Auth__Audience', parameters('authAudience')", appSettings);
        Assert.Contains("'Auth__Authority', parameters('authAuthority')", appSettings);
        Assert.Contains("'RateLimit__PermitsPerMinute', string(parameters('rateLimitPermitsPerMinute'))", appSettings);
        Assert.Contains("'Cors__AllowedOrigins', join(parameters('corsAllowedOrigins'), ';')", appSettings);
        Assert.Equal(300, (int?)Main["parameters"]!["rateLimitPermitsPerMinute"]!["defaultValue"]);

        var functionApp = Module("functionapp");
        Assert.Equal("[parameters('corsAllowedOrigins')]", functionApp.PassedValue("corsAllowedOrigins"));
        var cors = Single(functionApp, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["cors"]!;
        Assert.Equal("[parameters('corsAllowedOrigins')]", (string?)cors["allowedOrigins"]);
    }

    [Fact]
    public void Flex_consumption_settings_that_break_the_app_are_absent()
    {
        var strings = ArmTemplate.Strings(Main).ToList();
        foreach (var forbidden in new[]
                 {
                     "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
                     "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE",
                 })
        {
            Assert.DoesNotContain(strings, s => s.Contains(forbidden, StringComparison.OrdinalIgnoreCase));
        }

        // AzureWebJobsStorage only as the identity-based AzureWebJobsStorage__* family, never a connection string.
        Assert.DoesNotContain(strings, s => s == "AzureWebJobsStorage" || s.Contains("'AzureWebJobsStorage'", StringComparison.Ordinal));
        Assert.Contains(strings, s => s == "AzureWebJobsStorage__accountName");
    }

    [Fact]
    public void The_identity_has_exactly_the_data_roles_it_needs_with_the_right_role_ids()
    {
        var assignments = ArmTemplate.AllOfType(Main, "Microsoft.Authorization/roleAssignments").ToList();
        var rbac = Module("rbac");
        Assert.Equal(assignments.Count, rbac.OfType("Microsoft.Authorization/roleAssignments").Count());

        var byRole = new Dictionary<string, JsonObject>();
        foreach (var assignment in assignments)
        {
            var properties = assignment["properties"]!;
            var match = RoleDefinition().Match((string?)properties["roleDefinitionId"] ?? "");
            Assert.True(match.Success, $"roleDefinitionId is not a literal built-in role: {properties["roleDefinitionId"]}");
            Assert.True(byRole.TryAdd(match.Groups[1].Value, assignment), $"role {match.Groups[1].Value} is assigned twice");
            Assert.Equal("[parameters('principalId')]", (string?)properties["principalId"]);
            Assert.Equal("ServicePrincipal", (string?)properties["principalType"]);
            Assert.Contains(match.Groups[1].Value, (string?)assignment["name"]);
        }

        Assert.Equal(ExpectedRoles.Keys.Order(), byRole.Keys.Order());

        // Each on the narrowest scope: the storage account, the App Insights component, the vault.
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)byRole["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"]["scope"]);
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)byRole["974c5e8b-45b9-4653-ba55-5f855dd0fb88"]["scope"]);
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)byRole["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"]["scope"]);
        Assert.Contains("Microsoft.Insights/components", (string?)byRole["3913510d-42f4-4e42-8a64-420c390055eb"]["scope"]);
        Assert.Contains("Microsoft.KeyVault/vaults", (string?)byRole["4633458b-17de-408a-b874-0445c86b69e6"]["scope"]);

        // The app starts only after its roles exist.
        var functionAppDeployment = Module("functionapp").Deployment!;
        Assert.Contains(functionAppDeployment["dependsOn"]!.AsArray(), d => ((string?)d)!.Contains("'rbac'", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_vault_uses_rbac_and_no_access_policies()
    {
        var vault = Single(Module("keyvault"), "Microsoft.KeyVault/vaults");
        Assert.True((bool)vault["properties"]!["enableRbacAuthorization"]!);
        Assert.True((bool)vault["properties"]!["enableSoftDelete"]!);
        Assert.Null(vault["properties"]!["accessPolicies"]);
        Assert.False((bool)vault["properties"]!["enabledForTemplateDeployment"]!);
    }

    [Fact]
    public void Application_insights_accepts_only_entra_authenticated_telemetry()
    {
        var monitoring = Module("monitoring");
        var component = Single(monitoring, "Microsoft.Insights/components");
        Assert.True((bool)component["properties"]!["DisableLocalAuth"]!);
        Assert.Equal("[resourceId('Microsoft.OperationalInsights/workspaces', parameters('logAnalyticsName'))]",
            (string?)component["properties"]!["WorkspaceResourceId"]);

        var workspace = Single(monitoring, "Microsoft.OperationalInsights/workspaces");
        Assert.True((bool)workspace["properties"]!["features"]!["disableLocalAuth"]!);
    }

    [Fact]
    public void Static_web_app_is_standard_and_proxies_api_to_the_function_app()
    {
        var web = Module("staticwebapp");
        var site = Single(web, "Microsoft.Web/staticSites");
        Assert.Equal("Standard", (string?)site["sku"]!["name"]);

        var backend = Single(web, "Microsoft.Web/staticSites/linkedBackends");
        Assert.Equal("[parameters('backendResourceId')]", (string?)backend["properties"]!["backendResourceId"]);
        Assert.Contains("'functionapp'", web.PassedValue("backendResourceId"));
        Assert.Contains("outputs.id.value", web.PassedValue("backendResourceId"));

        // The proxy keeps the path: the host's route prefix must stay "api".
        var hostJson = JsonNode.Parse(File.ReadAllText(Repo.Path("host.json")))!;
        Assert.Equal("api", (string?)hostJson["extensions"]!["http"]!["routePrefix"]);
    }

    [Fact]
    public void Azd_service_tags_match_the_services_in_azure_yaml()
    {
        Assert.Contains("'azd-service-name', 'api'", (string?)Single(Module("functionapp"), "Microsoft.Web/sites")["tags"]);
        Assert.Contains("'azd-service-name', 'web'", (string?)Single(Module("staticwebapp"), "Microsoft.Web/staticSites")["tags"]);

        var tagged = ArmTemplate.AllResources(Main)
            .Select(r => ArmTemplate.Text(r["tags"]))
            .Where(t => t.Contains("azd-service-name", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, tagged.Count);
        Assert.Equal(new[] { "api", "web" }, AzureYaml.Load().Services.Keys.Order());
    }

    [Fact]
    public void No_keys_connection_strings_or_list_functions_anywhere()
    {
        foreach (var file in BicepOutput.BicepFiles())
        {
            var compiled = bicep.Compiled(file);
            var text = ArmTemplate.Text(compiled);
            Assert.DoesNotMatch(ListFunction(), text);
            foreach (var forbidden in new[]
                     {
                         "AccountKey", "DefaultEndpointsProtocol", "SharedAccessSignature", "SharedAccessKey",
                         "primaryKey", "secondaryKey", "InstrumentationKey", "connectionStrings", "listKeys",
                     })
            {
                Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
            }

            // The only "connection string" is Application Insights' ingestion endpoint, read at deploy time and
            // never a parameter or an output.
            var mentions = ArmTemplate.Strings(compiled)
                .Where(s => s.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase)
                            || s.Contains("CONNECTION_STRING", StringComparison.Ordinal))
                .ToList();
            Assert.All(mentions, m => Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", m, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void No_secure_value_reaches_an_output()
    {
        foreach (var file in BicepOutput.BicepFiles())
        {
            var scopes = ArmTemplate.Scopes(bicep.Compiled(file));
            foreach (var scope in scopes)
            {
                var secure = scope.Parameters
                    .Where(p => ((string?)p.Parameter["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
                    .Select(p => p.Name)
                    .ToList();

                foreach (var (name, parameter) in scope.Parameters.Where(p => secure.Contains(p.Name)))
                {
                    var defaultValue = parameter["defaultValue"];
                    Assert.True(defaultValue is null || (string?)defaultValue == "", $"{file}/{scope.Name}: secure parameter {name} has a default value");
                }

                foreach (var (name, output) in scope.Outputs)
                {
                    var type = (string?)output["type"] ?? "";
                    Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"{file}/{scope.Name}: output {name} is {type}");
                    var value = ArmTemplate.Text(output["value"]);
                    Assert.DoesNotMatch(ListFunction(), value);
                    Assert.DoesNotMatch(SecretishName(), name);
                    foreach (var parameter in secure)
                    {
                        Assert.DoesNotContain($"parameters('{parameter}')", value, StringComparison.Ordinal);
                    }
                }

                // A module's secure parameters are passed only from secure parameters of its parent.
                if (scope.Deployment is { } deployment)
                {
                    foreach (var parameter in secure)
                    {
                        var passed = scope.PassedValue(parameter);
                        var source = ParameterReferenceExact().Match(passed);
                        Assert.True(passed is "" || source.Success, $"{scope.Name}.{parameter} gets {passed}");
                        if (source.Success)
                        {
                            var parent = scopes.Single(s => s.Resources.Contains(deployment));
                            Assert.Equal("securestring", (string?)parent.Template["parameters"]![source.Groups[1].Value]!["type"]);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Main_outputs_are_what_azd_needs()
    {
        var outputs = Main["outputs"]!.AsObject();
        foreach (var name in new[]
                 {
                     "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "SERVICE_API_NAME", "SERVICE_API_URI",
                     "SERVICE_WEB_NAME", "SERVICE_WEB_URI", "AZURE_KEY_VAULT_NAME", "AZURE_KEY_VAULT_ENDPOINT",
                 })
        {
            Assert.True(outputs.ContainsKey(name), $"main.bicep has no output {name}");
            Assert.Equal("string", (string?)outputs[name]!["type"]);
        }
    }

    [Fact]
    public void Parameters_file_maps_every_required_parameter_to_the_azd_environment()
    {
        var file = JsonNode.Parse(File.ReadAllText(Repo.Path("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = Main["parameters"]!.AsObject();

        foreach (var (name, _) in file)
        {
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare");
        }

        foreach (var (name, parameter) in declared)
        {
            if (parameter!["defaultValue"] is null)
            {
                Assert.True(file.ContainsKey(name), $"main.bicep parameter {name} has no default and no value in main.parameters.json");
            }
        }

        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["location"]!["value"]);

        // `${NAME=default}` defaults agree with the Bicep defaults.
        foreach (var (name, entry) in file)
        {
            var match = EnvironmentDefault().Match((string?)entry!["value"] ?? "");
            if (match.Success && declared[name]!["defaultValue"] is JsonValue bicepDefault)
            {
                Assert.Equal((string?)bicepDefault, match.Groups[1].Value);
            }
        }

        // Secure parameters come from the environment, never from the file.
        foreach (var (name, parameter) in declared)
        {
            if ((string?)parameter!["type"] == "securestring" && file[name] is { } entry)
            {
                // Either the azd environment, or azd's own generated-once secret read back from Key Vault.
                Assert.Matches(@"^(\$\{[A-Z0-9_]+=?\}|\$\(secretOrRandomPassword \$\{AZURE_KEY_VAULT_NAME\} [a-z0-9-]+\))$", (string?)entry["value"]);
            }
        }
    }

    [GeneratedRegex(@"roleDefinitions', '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'\)\]$")]
    private static partial Regex RoleDefinition();

    [GeneratedRegex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunction();

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex ParameterReferenceExact();

    [GeneratedRegex(@"parameters\('([^']+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"(?i)(password|secret|apikey|accesskey|connectionstring|token)")]
    private static partial Regex SecretishName();

    [GeneratedRegex(@"^\$\{[A-Z0-9_]+=(.*)\}$")]
    private static partial Regex EnvironmentDefault();
}
