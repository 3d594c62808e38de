-- Argo CD health of a schemagate.dev DataSchema or DataContract, from the operator's status:
-- observedGeneration and the Ready condition (kstatus conventions).
local hs = {}
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the schemagate operator"
  return hs
end
local generation = obj.metadata.generation
if generation ~= nil and (obj.status.observedGeneration == nil or obj.status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation
  return hs
end
local ready = nil
if obj.status.conditions ~= nil then
  for _, condition in ipairs(obj.status.conditions) do
    if condition.type == "Ready" then
      ready = condition
    end
  end
end
if ready == nil then
  hs.status = "Progressing"
  hs.message = "No Ready condition yet"
  return hs
end
local message = ready.message or ready.reason or ""
if ready.status == "True" then
  hs.status = "Healthy"
elseif ready.reason == "ReconciliationPaused" or ready.reason == "Unmanaged" then
  hs.status = "Suspended"
elseif ready.status == "Unknown" or ready.reason == "RegistryUnreachable" or ready.reason == "ReconcileError" then
  -- Transient: the operator retries on its own.
  hs.status = "Progressing"
else
  -- The declared state cannot be reached without a change in Git (IncompatibleChange, InvalidSchema, ...).
  hs.status = "Degraded"
end
hs.message = message
return hs
