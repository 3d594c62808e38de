-- Argo CD health of a schemagate.dev Promotion, from status.phase.
local hs = {}
if obj.status == nil or obj.status.phase == nil then
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
local phase = obj.status.phase
local message = phase
if obj.status.conditions ~= nil then
  for _, condition in ipairs(obj.status.conditions) do
    if condition.type == "Ready" and condition.message ~= nil then
      message = phase .. ": " .. condition.message
    end
  end
end
if phase == "Promoted" then
  hs.status = "Healthy"
elseif phase == "Blocked" then
  -- Waiting for the owners of what would break to approve: a human step, not a failure.
  hs.status = "Suspended"
elseif phase == "Failed" then
  hs.status = "Degraded"
else
  -- Pending, Assessing, Approved: on its way.
  hs.status = "Progressing"
end
hs.message = message
return hs
