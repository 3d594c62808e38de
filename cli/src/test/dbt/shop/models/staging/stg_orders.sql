select order_id, customer_id, amount, currency, placed_at
from {{ source('raw', 'orders') }}
