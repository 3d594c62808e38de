select customer_id, country
from {{ source('raw', 'customers') }}
