<!doctype html>
<html <?php language_attributes(); ?>>
<head><meta charset="utf-8"><title><?php wp_title(); ?></title><?php wp_head(); ?></head>
<body>
<main style="max-width: 640px; margin: 0 auto;">
<?php while (have_posts()) : the_post(); ?>
<article><h1><?php the_title(); ?></h1><?php the_content(); ?></article>
<?php endwhile; ?>
</main>
<?php wp_footer(); ?>
</body>
</html>
