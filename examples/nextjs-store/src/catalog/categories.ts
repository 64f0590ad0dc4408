/** The catalog's departments: what they sell, who makes it, and what it costs (USD). */
export interface CategorySpec {
  slug: string;
  name: string;
  brands: string[];
  nouns: string[];
  adjectives: string[];
  priceRange: [number, number];
  /** Two colours the product images of this category are drawn in. */
  palette: [string, string];
}

export const CATEGORIES: CategorySpec[] = [
  {
    slug: 'kitchen',
    name: 'Kitchen',
    brands: ['Hearth & Co', 'Copperline', 'Mesa'],
    nouns: ['Chef Knife', 'Skillet', 'Dutch Oven', 'Cutting Board', 'Kettle', 'Mixing Bowls'],
    adjectives: ['Cast Iron', 'Carbon Steel', 'Enamelled', 'Walnut', 'Stainless', 'Ceramic'],
    priceRange: [14, 220],
    palette: ['#b45309', '#fde68a'],
  },
  {
    slug: 'coffee',
    name: 'Coffee & Tea',
    brands: ['Northbean', 'Kyoto Drip', 'Steeped'],
    nouns: [
      'Pour-Over Set',
      'Burr Grinder',
      'French Press',
      'Espresso Cups',
      'Tea Tin',
      'Gooseneck Kettle',
    ],
    adjectives: ['Glass', 'Matte Black', 'Porcelain', 'Hand-Thrown', 'Brushed Steel', 'Bamboo'],
    priceRange: [9, 180],
    palette: ['#78350f', '#fed7aa'],
  },
  {
    slug: 'outdoor',
    name: 'Outdoor',
    brands: ['Ridgeway', 'Alder Peak', 'Switchback'],
    nouns: ['Day Pack', 'Trekking Poles', 'Headlamp', 'Water Bottle', 'Camp Stove', 'Rain Shell'],
    adjectives: ['Ultralight', 'Packable', 'Insulated', 'Waterproof', 'Trail', 'Alpine'],
    priceRange: [12, 260],
    palette: ['#166534', '#bbf7d0'],
  },
  {
    slug: 'audio',
    name: 'Audio',
    brands: ['Sonance', 'Lowtide', 'Parallel'],
    nouns: ['Headphones', 'Earbuds', 'Bookshelf Speaker', 'Turntable', 'DAC', 'Soundbar'],
    adjectives: ['Wireless', 'Studio', 'Noise-Cancelling', 'Portable', 'Hi-Fi', 'Compact'],
    priceRange: [29, 480],
    palette: ['#1e3a8a', '#bfdbfe'],
  },
  {
    slug: 'desk',
    name: 'Desk & Office',
    brands: ['Paperframe', 'Linear', 'Oakhurst'],
    nouns: ['Notebook', 'Desk Lamp', 'Monitor Stand', 'Fountain Pen', 'Desk Mat', 'Organizer'],
    adjectives: ['Dot-Grid', 'Adjustable', 'Felt', 'Brass', 'Recycled', 'Minimal'],
    priceRange: [6, 150],
    palette: ['#334155', '#e2e8f0'],
  },
  {
    slug: 'home',
    name: 'Home',
    brands: ['Loom House', 'Still', 'Fernwood'],
    nouns: ['Throw Blanket', 'Candle', 'Vase', 'Cushion Cover', 'Planter', 'Wall Clock'],
    adjectives: ['Linen', 'Wool', 'Stoneware', 'Hand-Woven', 'Scented', 'Terracotta'],
    priceRange: [11, 190],
    palette: ['#9d174d', '#fbcfe8'],
  },
  {
    slug: 'fitness',
    name: 'Fitness',
    brands: ['Tempo', 'Groundwork', 'Kinetic'],
    nouns: ['Yoga Mat', 'Kettlebell', 'Jump Rope', 'Foam Roller', 'Resistance Bands', 'Gym Bag'],
    adjectives: ['Cork', 'Weighted', 'Speed', 'High-Density', 'Adjustable', 'Everyday'],
    priceRange: [8, 160],
    palette: ['#be123c', '#fecdd3'],
  },
  {
    slug: 'bags',
    name: 'Bags',
    brands: ['Canvas & Hide', 'Commuter', 'Waypoint'],
    nouns: ['Backpack', 'Tote', 'Weekender', 'Sling', 'Laptop Sleeve', 'Wallet'],
    adjectives: ['Waxed Canvas', 'Leather', 'Roll-Top', 'Nylon', 'Everyday', 'Travel'],
    priceRange: [19, 340],
    palette: ['#57534e', '#e7e5e4'],
  },
  {
    slug: 'garden',
    name: 'Garden',
    brands: ['Greenhand', 'Potting Shed', 'Bloom'],
    nouns: ['Pruning Shears', 'Watering Can', 'Seed Kit', 'Trowel', 'Gloves', 'Raised Bed'],
    adjectives: ['Bypass', 'Galvanised', 'Heirloom', 'Ash-Handled', 'Goatskin', 'Cedar'],
    priceRange: [7, 210],
    palette: ['#3f6212', '#d9f99d'],
  },
  {
    slug: 'games',
    name: 'Games & Puzzles',
    brands: ['Meeple Works', 'Tessellate', 'Boxfort'],
    nouns: ['Board Game', 'Jigsaw Puzzle', 'Card Game', 'Chess Set', 'Dice Set', 'Puzzle Box'],
    adjectives: ['Strategy', '1000-Piece', 'Party', 'Wooden', 'Co-op', 'Travel'],
    priceRange: [9, 120],
    palette: ['#6d28d9', '#ddd6fe'],
  },
];
