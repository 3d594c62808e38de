select o.placed_at::date as day, c.country, o.currency, sum(o.amount) as amount
from {{ ref('stg_orders') }} o
join {{ ref('stg_customers') }} c using (customer_id)
group by 1, 2, 3
